/** Reaching what Playwright's locators cannot: a content script's isolated world, the accessibility tree. */
import type { BrowserContext, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/** Evaluates an expression in the content script's isolated world of the page's main frame. */
export async function evaluateInContentScript(
  context: BrowserContext,
  page: Page,
  extensionName: string,
  expression: string,
): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c as ExecutionContext));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let target: ExecutionContext | undefined;
  while (!(target = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName))) {
    if (Date.now() > deadline) throw new Error(`no isolated world named ${extensionName} in this page`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId: target.id,
    expression,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails)
    return { exception: exceptionDetails.exception?.description ?? exceptionDetails.text };
  return result.value;
}

export interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  ignored?: boolean;
}

/** The page's full accessibility tree, closed shadow roots included. */
export async function accessibilityTree(context: BrowserContext, page: Page): Promise<AxNode[]> {
  const cdp = await context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  await cdp.detach();
  return nodes;
}
