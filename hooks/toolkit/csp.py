"""Defence in depth: a Content-Security-Policy in every built page's <head>.

The allow-list check (html_check.py) keeps script and remote loads out of the content; the
policy makes the browser refuse them too, should anything slip past. It must let the site
work from file:// (the offline copy) and over http:
- scripts: the site's own files ('self') and the theme's inline scripts, each by its hash;
- styles, images, fonts, workers, frames and connections: the site's own files only (plus
  data: images, which the theme uses for icons in CSS, and blob: workers and frames, which
  the offline search shim uses);
- no plug-ins, no <base>, and forms submit nowhere.

Chromium applies a <meta> policy to file:// pages; 'self' there matches the page's own
file: URLs. `frame-ancestors`, `report-uri` and `sandbox` are ignored in a <meta> policy,
so they are left out.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Material 9.8's inline scripts (see base.html): the only inline script a page may carry.
# Each is matched exactly, except for the relative path the first one is given per page.
THEME_INLINE_SCRIPTS = (
    re.compile(re.escape('__md_scope=new URL("') + r'[\w./-]*' + re.escape(
        '",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,'
        't=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>'
        '{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}') + "$"),
    re.compile(r'^var palette=__md_get\("__palette"\);if\(palette&&palette\.color\)\{.*\}$', re.S),
    re.compile("^" + re.escape('var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
                               '(target.checked=target.name.startsWith("__tabbed_"))') + "$"),
)
CHARSET = re.compile(r'<meta charset="utf-8">', re.I)


def is_theme_script(text: str) -> bool:
    return any(pattern.match(text) for pattern in THEME_INLINE_SCRIPTS)


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(inline_scripts: list[str]) -> str:
    """The policy for a page with these (theme) inline scripts."""
    hashes = " ".join(sorted({script_hash(s) for s in inline_scripts}))
    return "; ".join((
        "default-src 'none'",
        f"script-src 'self' {hashes}".strip(),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ))


def add_policy(html: str, inline_scripts: list[str]) -> str:
    """The page with its policy as the first thing in <head> after the charset."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_scripts)}">'
    return CHARSET.sub(lambda m: m.group(0) + meta, html, count=1)
