// One floating card that follows the hovered or focused element; content is built on demand.
import { h, replaceChildren } from './dom.js';

export class Tooltip {
  private readonly element: HTMLElement;

  constructor() {
    this.element = h('div', { class: 'tooltip', role: 'tooltip', id: `tooltip-${Math.random().toString(36).slice(2, 8)}`, hidden: true });
    document.body.appendChild(this.element);
  }

  /** Shows the card built by `content` while the pointer is over `target` or it has focus. */
  attach(target: HTMLElement, content: () => HTMLElement): void {
    const show = () => {
      replaceChildren(this.element, content());
      this.element.hidden = false;
      target.setAttribute('aria-describedby', this.element.id);
      const box = target.getBoundingClientRect();
      const card = this.element.getBoundingClientRect();
      const left = Math.min(window.innerWidth - card.width - 8, Math.max(8, box.left));
      const below = box.bottom + 6 + card.height < window.innerHeight;
      this.element.style.left = `${left}px`;
      this.element.style.top = `${below ? box.bottom + 6 : Math.max(8, box.top - card.height - 6)}px`;
    };
    const hide = () => {
      this.element.hidden = true;
      target.removeAttribute('aria-describedby');
    };
    target.addEventListener('mouseenter', show);
    target.addEventListener('focus', show);
    target.addEventListener('mouseleave', hide);
    target.addEventListener('blur', hide);
  }
}
