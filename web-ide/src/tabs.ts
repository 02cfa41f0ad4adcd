// Tab strips (Console / Orders / ..., Chart / Bolt): ARIA tab lists with arrow-key movement.
import { h } from './ui';

/** A tab strip: role=tablist with arrow-key movement; each panel is shown when its tab is chosen. */
export function tabStrip(label: string, tabs: { id: string; label: string; panel: HTMLElement }[], onShow: (id: string) => void = () => {}) {
  const buttons = tabs.map((tab, i) =>
    h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, 'aria-selected': String(i === 0), tabIndex: i === 0 ? 0 : -1, 'data-testid': `tab-${tab.id}` }, tab.label),
  );
  const choose = (index: number, focus = false) => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
      tabs[i].panel.hidden = i !== index;
    });
    if (focus) buttons[index].focus();
    onShow(tabs[index].id);
  };
  buttons.forEach((button, i) => {
    tabs[i].panel.id = `panel-${tabs[i].id}`;
    tabs[i].panel.setAttribute('role', 'tabpanel');
    tabs[i].panel.setAttribute('aria-labelledby', `tab-${tabs[i].id}`);
    tabs[i].panel.hidden = i !== 0;
    button.addEventListener('click', () => choose(i));
    button.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight') choose((i + 1) % tabs.length, true);
      else if (event.key === 'ArrowLeft') choose((i + tabs.length - 1) % tabs.length, true);
      else return;
      event.preventDefault();
    });
  });
  const strip = h('div', { role: 'tablist', 'aria-label': label, class: 'tabstrip' }, ...buttons);
  return { strip, panels: tabs.map((t) => t.panel), choose: (id: string) => choose(tabs.findIndex((t) => t.id === id)) };
}
