/**
 * What the content script holds, seen from outside: only marks near the viewport are in the page's
 * CSS highlight, so the number of marks found on a whole page is read from the content script's
 * isolated world, where every mark is a StaticRange (CDP Runtime.queryObjects, after a collection).
 */
import type { BrowserContext, Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/** The number of marks the content script holds in the page's main frame. */
export async function heldMarks(
  context: BrowserContext,
  page: Page,
  extensionName = 'Affinity Lens',
): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context: c }) => contexts.push(c as ExecutionContext));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.name === extensionName &&
        c.auxData.frameId === frameTree.frame.id,
    );
    if (!world) throw new Error(`no isolated world named ${extensionName} in the main frame`);
    const prototype = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: 'StaticRange.prototype',
    });
    const objects = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: prototype.result.objectId as string,
    });
    const count = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objects.objectId as string,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'console' }).catch(() => undefined);
    return count.result.value as number;
  } finally {
    await cdp.detach();
  }
}
