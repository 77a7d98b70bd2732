// Measures a page as a 360-px phone draws it and returns what a reader would trip over, one line per problem:
// text running past the screen's edge, a word broken across two lines, a tap target smaller than a finger.
// Run by EveryPageOnAPhoneSpec through page.EvaluateAsync; the spec adds the page's name to each line.
() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const px = n => Math.round(n);
  const short = text => {
    const t = text.trim().replace(/\s+/g, ' ');
    return t.length > 40 ? t.slice(0, 40) + '…' : t;
  };
  const describe = el => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (el.classList.length) name += '.' + Array.from(el.classList).join('.');
    if (el.type && el.tagName === 'INPUT') name += '[type=' + el.type + ']';
    const text = short(el.innerText || el.value || el.getAttribute('aria-label') || el.getAttribute('name') || '');
    return text ? name + ' “' + text + '”' : name;
  };

  // Hidden from sight: display none, visibility hidden, or clipped to nothing (the "visually hidden" pattern).
  const hiddenCache = new Map();
  const hidden = el => {
    if (!el || el === document.documentElement) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const style = getComputedStyle(el);
    const clipped = (style.clip && style.clip !== 'auto') || (style.clipPath && style.clipPath !== 'none');
    const result = style.display === 'none' || style.visibility === 'hidden' || clipped || hidden(el.parentElement);
    hiddenCache.set(el, result);
    return result;
  };

  // Inside a box that scrolls sideways on purpose (a wide table): its text may run past the screen inside the box.
  const scrollCache = new Map();
  const inScroller = el => {
    if (!el || el === document.body || el === document.documentElement) return false;
    if (scrollCache.has(el)) return scrollCache.get(el);
    const overflow = getComputedStyle(el).overflowX;
    const result = overflow === 'auto' || overflow === 'scroll' || inScroller(el.parentElement);
    scrollCache.set(el, result);
    return result;
  };

  const boxes = range => Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);

  // How many lines a set of boxes covers: a box starts a new line when its middle lies below the last line's bottom.
  const lineCount = rects => {
    const sorted = rects.slice().sort((a, b) => a.top - b.top);
    let lines = 0, bottom = -Infinity;
    for (const r of sorted) {
      if (r.top + r.height / 2 > bottom) { lines++; bottom = r.bottom; } else { bottom = Math.max(bottom, r.bottom); }
    }
    return lines;
  };

  // A word may break after a hyphen, a slash or a dash (a web address, "A4/B5"); anywhere else the break cuts it.
  const breakable = /[-\/–—_.=&?]$/;
  const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
  const range = document.createRange();
  const skipped = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'TEXTAREA', 'TITLE']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || skipped.has(parent.tagName) || !node.data.trim() || hidden(parent)) continue;
    range.selectNodeContents(node);
    const rects = boxes(range);
    if (rects.length === 0) continue;
    if (!inScroller(parent)) {
      const left = Math.min(...rects.map(r => r.left)), right = Math.max(...rects.map(r => r.right));
      if (left < -0.5 || right > width + 0.5) {
        problems.push(`text runs past the ${width}-px screen (from ${px(left)} to ${px(right)} px): “${short(node.data)}” in ${describe(parent)}`);
      }
    }
    if (lineCount(rects) < 2) continue; // on one line: none of its words can be split
    const words = /\S+/g;
    for (let match = words.exec(node.data); match; match = words.exec(node.data)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (lineCount(boxes(range)) < 2) continue;
      // Where does the word break? Measure it one letter (grapheme) at a time.
      const pieces = [];
      let piece = '', bottom = -Infinity;
      for (const g of graphemes.segment(match[0])) {
        range.setStart(node, match.index + g.index);
        range.setEnd(node, match.index + g.index + g.segment.length);
        const r = boxes(range)[0];
        if (r && r.top + r.height / 2 > bottom) {
          if (piece) pieces.push(piece);
          piece = '';
          bottom = r.bottom;
        }
        piece += g.segment;
      }
      pieces.push(piece);
      const cuts = pieces.slice(0, -1).filter(p => !breakable.test(p));
      if (cuts.length > 0) {
        problems.push(`word split across lines: “${pieces.join(' | ')}” in ${describe(parent)}`);
      }
    }
  }

  // Tap targets: 44×44 px; a checkbox or radio button 24×24 px when a label beside it can be tapped too.
  // Links inside a sentence are exempt (WCAG 2.5.8: their size is set by the line of text).
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary')) {
    if (el.disabled || hidden(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0) continue; // not drawn, or parked off screen
    const style = getComputedStyle(el);
    if (el.tagName === 'A' && style.display === 'inline' && el.parentElement
        && el.parentElement.textContent.trim().length > el.textContent.trim().length) continue;
    const toggle = el.tagName === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio');
    const labelled = toggle && el.labels && Array.from(el.labels).some(l => !hidden(l) && l.getClientRects().length > 0);
    const need = labelled ? 24 : 44;
    if (r.width < need - 0.5 || r.height < need - 0.5) {
      const what = toggle && !labelled ? ' (no label to tap beside it)' : '';
      problems.push(`tap target ${px(r.width)}×${px(r.height)} px, needs ≥ ${need}×${need}${what}: ${describe(el)}`);
    }
  }
  return problems;
}
