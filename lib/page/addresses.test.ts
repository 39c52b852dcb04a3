// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addressOf, isAddressElement, mailtoAddress } from './addresses';

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild as Element;
}

describe('mailtoAddress', () => {
  it('takes the first address, decoded, without the query', () => {
    expect(mailtoAddress('mailto:ada@example.com')).toBe('ada@example.com');
    expect(mailtoAddress('MAILTO:ada@example.com?subject=Hi')).toBe('ada@example.com');
    expect(mailtoAddress('mailto:ada%40example.com,grace@example.com')).toBe('ada@example.com');
  });

  it('refuses what is not an address', () => {
    expect(mailtoAddress('https://example.com')).toBeNull();
    expect(mailtoAddress('mailto:')).toBeNull();
    expect(mailtoAddress('mailto:?subject=hi')).toBeNull();
    expect(mailtoAddress('mailto:%E0%A4%A')).toBeNull();
  });
});

describe('addressOf', () => {
  it('reads mailto links', () => {
    expect(addressOf(element('<a href="mailto:ada@example.com">Write</a>'))).toBe('ada@example.com');
  });

  it('reads the chips of web mail, which show a name and keep the address in an attribute', () => {
    expect(addressOf(element('<span email="ada@example.com" name="Ada">Ada</span>'))).toBe('ada@example.com');
    expect(addressOf(element('<span data-hovercard-id="ada@example.com">Ada L.</span>'))).toBe(
      'ada@example.com',
    );
  });

  it('ignores attributes that hold something other than one address', () => {
    expect(addressOf(element('<span data-hovercard-id="117263549">Ada</span>'))).toBeNull();
    expect(addressOf(element('<span email="">Ada</span>'))).toBeNull();
    expect(addressOf(element('<span email="ada@example.com, grace@example.com">Both</span>'))).toBeNull();
    expect(addressOf(element('<a href="https://example.com">Ada</a>'))).toBeNull();
    expect(isAddressElement(document.createTextNode('ada@example.com'))).toBe(false);
  });
});
