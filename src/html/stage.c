/* stage.c: the html stage of the pipeline. For a document read as HTML the
 * text becomes the page's main text (lb_html_extract), and the page's
 * metadata fills what the input did not say: title, author, site, URL,
 * language; a publication date found on the page replaces the input's date
 * (for a WARC record that is the crawl date). Offsets of all later layers refer to the extracted text.
 * Other documents pass through untouched. */
#include "html/html.h"
#include "ctx.h"
#include "doc.h"
#include <string.h>

static void fill(lb_doc *doc, const char **slot, const char *value)
{
    if (!*slot && value && *value) *slot = value;
}

int lb_html_run(lb_doc *doc)
{
    if (!doc->is_html) return LB_OK;
    lb_html_page page;
    int rc = lb_html_extract(&page, doc->ctx->html, doc->text, doc->len, doc->input.url, &doc->arena);
    if (rc) return lb_doc_fail(doc, rc, rc == LB_ENOMEM ? "out of memory" : "HTML page cannot be read");
    if (page.text_len > UINT32_MAX) return lb_doc_fail(doc, LB_ELIMIT, "extracted text too long");
    doc->text = page.text;
    doc->len = page.text_len;
    fill(doc, &doc->input.title, page.title);
    if (page.date) doc->input.date = page.date;   /* the page's own date beats a crawl date */
    fill(doc, &doc->input.author, page.author);
    fill(doc, &doc->input.source, page.site);
    fill(doc, &doc->input.url, page.url);
    fill(doc, &doc->input_lang, page.lang);
    return LB_OK;
}
