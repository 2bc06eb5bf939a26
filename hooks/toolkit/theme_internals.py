"""Every internal of Material (9.8.1), its offline plugin, the i18n plugin and MkDocs (1.6)
that the site's own code relies on, in one place.

None of these is a public API: a theme upgrade may change any of them without notice.
tests/test_theme_internals.py checks each one against the installed packages' files, so an
upgrade that breaks one fails the tests, naming what to revisit and where.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Internal:
    """One thing we rely on: where it lives (package, glob of files) and regexes that must
    all match there."""

    what: str
    package: str          # "material", "mkdocs_static_i18n" or "mkdocs"
    files: str            # glob relative to the package folder
    patterns: tuple[str, ...]
    relied_on_by: str


BUNDLE = "templates/assets/javascripts/bundle.*.min.js"
WORKER = "templates/assets/javascripts/workers/search.*.min.js"

THEME_INTERNALS: tuple[Internal, ...] = (
    Internal(
        "Polyfills (extra.polyfills) load as classic scripts in the head, before the bundle, "
        "so the shim and search-welsh.js can replace window.Worker and wrap XMLHttpRequest first.",
        "material", "templates/base.html",
        (r"{% for script in config\.extra\.polyfills %}\s*{{ script \| script_tag }}",),
        "mkdocs.yml extra.polyfills, docs/assets/js/search-welsh.js"),
    Internal(
        "The search worker's address is config.search in the page's #__config JSON, and the "
        "bundle starts it with `new Worker(config.search)` when the page opens.",
        "material", "templates/base.html",
        (r'"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js" \| url',),
        "search-welsh.js (Worker wrapper, started on first search)"),
    Internal(
        "The bundle creates the worker with `new Worker(url)`, listens with "
        "addEventListener('message') (rxjs fromEvent) and sends with postMessage.",
        "material", BUNDLE,
        (r"t=new Worker\(e\)", r'h\(e,"message",t=>t\.data\)', r"e\.postMessage\(r\)", r"Ei\(o\.search,t\)"),
        "search-welsh.js (lazy Worker: postMessage, addEventListener, removeEventListener, terminate)"),
    Internal(
        "Over http the index is fetched with XMLHttpRequest GET search/search_index.json; from "
        "file:// a <script src=search/search_index.js> is appended to document.head and the "
        "global __index is read once it loads.",
        "material", BUNDLE,
        (r'location\.protocol==="file:"\?_t\(`\$\{new URL\("search/search_index\.js",\w+\.base\)\}`\)'
         r"\.pipe\(m\(\(\)=>__index\)",
         r':ze\(new URL\("search/search_index\.json",\w+\.base\)\)',
         r'let o=new XMLHttpRequest;return o\.open\("GET",`\$\{e\}`\)',
         r"function _t\(e\)\{let t=x\(\"script\",\{src:e\}\);return H\(\(\)=>\(document\.head\.appendChild\(t\)"),
        "search-welsh.js (rewrites both to search_index.<lang>.json / .js, held until first search); "
        "toolkit.search_index (file names)"),
    Internal(
        "Worker message types: 0 set-up {config, docs, options}, 1 ready, 2 query (a string), "
        "3 result {items: [[{location, title, text, terms}]]}.",
        "material", WORKER,
        (r"case 0:return yield Ie\(t\.data\.config\),de=new U\(t\.data\),\{type:1\}",
         r"case 2:let e=t\.data;try\{return\{type:3,data:de\.search\(e\)\}"),
        "search-welsh.js (SETUP, QUERY, RESULT)"),
    Internal(
        "The bundle sends set-up as {type:0, data:{config, docs, options}}, once the index has loaded.",
        "material", BUNDLE,
        (r"r\.next\(\{type:0,data:\{config:o,docs:n,options:\{suggest:",),
        "search-welsh.js (reads config.welsh from the set-up message)"),
    Internal(
        "The worker adds a trailing wildcard to every query word not ending in a boost (^n) or "
        "fuzziness, and to none starting with + or -.",
        "material", WORKER,
        (r"\.map\(r=>/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\(r\)\?r:`\$\{r\}\*`\)",),
        "search-welsh.js (the typed word is sent as word*^10), toolkit.search_index (stem siblings)"),
    Internal(
        "The worker imports lunr language files only for index languages other than en: "
        "tinyseg.js (ja), wordcut.js (hi, th), min/lunr.<lang>.min.js, min/lunr.multi.min.js "
        "(more than one language) and min/lunr.stemmer.support.min.js; inside an iframe-worker it "
        "finds them from the first script[src], cut at '/worker'.",
        "material", WORKER,
        (r'case"ja":r\.push\(`\$\{e\}/tinyseg\.js`\)',
         r'case"hi":case"th":r\.push\(`\$\{e\}/wordcut\.js`\)',
         r'n!=="en"&&r\.push\(`\$\{e\}/min/lunr\.\$\{n\}\.min\.js`\)',
         r"t\.lang\.length>1&&r\.push\(`\$\{e\}/min/lunr\.multi\.min\.js`\)",
         r"importScripts\(`\$\{e\}/min/lunr\.stemmer\.support\.min\.js`",
         r'"IFrameWorker"in parent\)\{let n=ne\("script\[src\]"\),\[i\]=n\.src\.split\("/worker"\)'),
        "toolkit.offline.lunr_files_needed (the zip's lunr files); worker-scope.js removes its own script"),
    Internal(
        "With search.highlight, a page opened with ?h=… highlights those words, which needs the index.",
        "material", BUNDLE,
        (r'searchParams\.get\("h"\)',),
        "search-welsh.js (loads the index at once when ?h= is present)"),
    Internal(
        "The search toggle is the checkbox #__search (opening search checks it).",
        "material", "templates/base.html",
        (r'data-md-toggle="search" type="checkbox" id="__search"',),
        "search-welsh.js (first focus or opening starts search)"),
    Internal(
        "The search box carries data-md-component=\"search-query\".",
        "material", "templates/partials/search.html",
        (r'data-md-component="search-query"',),
        "search-welsh.js, tests/test_search.py"),
    Internal(
        "The offline plugin forces use_directory_urls off, adds the remote iframe-worker shim "
        "unless a polyfill names 'iframe-worker', and at post-build priority -100 copies "
        "search/search_index.json into search/search_index.js as `var __index = …`.",
        "material", "plugins/offline/plugin.py",
        (r"config\.use_directory_urls = False",
         r'if not any\("iframe-worker" in url for url in config\.extra\["polyfills"\]\)',
         r"@event_priority\(-100\)\s*def on_post_build",
         r'f\.write\(f"var __index = \{data\}"\)'),
        "mkdocs.yml (vendored shim), toolkit_hooks.on_post_build (priority -110), toolkit.search_index"),
    Internal(
        "The i18n plugin's sitemap template dates every page with page.update_date (the build "
        "day, from MkDocs), and MkDocs gzips it to sitemap.xml.gz.",
        "mkdocs_static_i18n", "custom_i18n_sitemap/sitemap.xml",
        (r"<lastmod>\{\{ file\.page\.update_date \}\}</lastmod>",),
        "toolkit.sitemaps.date_sitemap"),
    Internal(
        "Material's search plugin makes a new SearchIndex in each build's on_config and, per page, "
        "calls search_index.add_entry_from_context(page), which parses page.content into sections "
        "and appends one dict per section to self.entries, reading page.url, page.toc and the "
        "title, tags and search settings of page.meta.",
        "material", "plugins/search/plugin.py",
        (r"self\.search_index = SearchIndex\(\*\*self\.config\)",
         r"self\.search_index\.add_entry_from_context\(page\)",
         r"def add_entry_from_context\(self, page\):",
         r"parser\.feed\(page\.content\)",
         r'url = url \+ item\.url',
         r'page\.meta\.get\("title", page\.title\)',
         r'tags = page\.meta\.get\("tags"\)',
         r'search = page\.meta\.get\("search"\) or \{\}',
         r"self\.entries\.append\(entry\)"),
        "toolkit.template_cache.keep_search_entries"),
    Internal(
        "MkDocs makes each build's Jinja environment with Theme.get_env(), from a FileSystemLoader "
        "over the theme's folders, and finds the theme's static files with env.list_templates("
        "filter_func=...), which walks every file in those folders.",
        "mkdocs", "theme.py",
        (r"def get_env\(self\) -> jinja2\.Environment:", r"loader = jinja2\.FileSystemLoader\(self\.dirs\)"),
        "toolkit.template_cache.keep_theme_listing"),
    Internal(
        "(the other half of the above) Files.add_files_from_theme lists the theme's files with "
        "env.list_templates(filter_func=filter).",
        "mkdocs", "structure/files.py",
        (r"for path in env\.list_templates\(filter_func=filter\):",),
        "toolkit.template_cache.keep_theme_listing"),
    Internal(
        "MkDocs renders a page's Markdown in Page.render(config, files), which sets only "
        "page.content, page.toc, page._title_from_render, page.present_anchor_ids and (with anchor "
        "validation) page.links_to_anchors, keyed by the linked File; it is called as "
        "page.render(config, files) once per page per build.",
        "mkdocs", "structure/pages.py",
        (r"def render\(self, config: MkDocsConfig, files: Files\) -> None:",
         r"self\.content = md\.convert\(self\.markdown\)\n\s*self\.toc = get_toc\(getattr\(md, 'toc_tokens', \[\]\)\)"
         r"\n\s*self\._title_from_render = extract_title_ext\.title\n\s*self\.present_anchor_ids = \(",
         r"self\.links_to_anchors = relative_path_ext\.links_to_anchors\n\n\s*present_anchor_ids"),
        "toolkit.render_cache.keep_page_renders"),
    Internal(
        "(the other half of the above) The build calls page.render(config, files) for each page.",
        "mkdocs", "commands/build.py",
        (r"page\.render\(config, files\)",),
        "toolkit.render_cache.keep_page_renders"),
)
