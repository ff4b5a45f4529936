/* cmd_annotate.c: `lagebild annotate [FILE|DIR|-]...`: reads articles,
 * annotates them and writes one line of contract JSON per input document to
 * stdout, in input order. Errors go to stderr with the document's origin;
 * a failed document still gets a line {"id":...,"error":...}. */
#include "cli/cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: lagebild annotate [--data DIR] [--dict FILE]... [--format auto|text|jsonl] [--quiet] [--tokens] [FILE|DIR|-]...\n"
           "\n"
           "Reads plain-text articles (one per file), directories of them, or JSONL\n"
           "({\"id\",\"text\",\"date\",\"lang\",\"source\"} per line); .gz is read transparently.\n"
           "Without FILE, reads standard input. Writes contract JSONL to standard output.\n"
           "--tokens adds the tokens layer (lemma, UD part of speech and features per word).\n"
           "Exit status: 0 when every document was annotated, 1 when some failed, 2 on usage errors.\n");
}

int lb_cmd_annotate(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    int npaths = 0;
    unsigned json_flags = 0;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) { fprintf(stderr, "lagebild: out of memory\n"); return 2; }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); free(paths); return 0; }
        if (!strcmp(argv[i], "--tokens")) { json_flags |= LB_JSON_TOKENS; continue; }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "annotate");
        if (r < 0) { free(paths); return 2; }
        if (r) continue;
        paths[npaths++] = argv[i];
    }
    if (!npaths) paths[npaths++] = "-";

    lb_cli_pipeline pl;
    if (lb_cli_pipeline_open(&pl, &o, paths, npaths)) { free(paths); return 2; }
    lb_reader *r = pl.reader;
    lb_doc *doc = pl.doc;
    int rc;
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    size_t failed = 0, done = 0;
    lb_input in;
    for (;;) {
        rc = lb_reader_next(r, &in);
        if (rc == LB_DONE) break;
        const char *json;
        size_t len;
        if (rc != LB_OK) {
            failed++;
            if (!o.quiet) lb_cli_reader_error(stderr, NULL, "lagebild: ", lb_reader_errmsg(r));
            /* a line for a malformed JSONL record keeps output aligned with input */
            if (lb_doc_error_json(&json, &len, doc, lb_reader_failed_id(r), lb_reader_errmsg(r)) == LB_OK) {
                fwrite(json, 1, len, stdout);
                fputc('\n', stdout);
            }
            continue;
        }
        rc = lb_doc_annotate(doc, &in);
        if (rc == LB_OK) rc = lb_doc_json_with(&json, &len, doc, json_flags);
        if (rc != LB_OK) {
            failed++;
            char msg[1024];
            snprintf(msg, sizeof msg, "%s: %s", in.origin, lb_doc_errmsg(doc));
            if (!o.quiet) lb_cli_msg(stderr, NULL, "lagebild: %s (id %.*s)", msg, (int)in.id_len, in.id);
            char idcopy[256];
            snprintf(idcopy, sizeof idcopy, "%.*s", (int)in.id_len, in.id);
            if (lb_doc_error_json(&json, &len, doc, idcopy, msg) != LB_OK) continue;
        } else {
            done++;
            size_t bad_utf8, nuls;
            lb_doc_repairs(&bad_utf8, &nuls, doc);
            if (!o.quiet && (bad_utf8 || nuls))
                fprintf(stderr, "lagebild: %s: warning: %zu invalid UTF-8 sequence(s) and %zu NUL byte(s) replaced\n",
                        in.origin, bad_utf8, nuls);
            if (!o.quiet && lb_doc_warning(doc))
                fprintf(stderr, "lagebild: %s: warning: %s (id %.*s)\n", in.origin, lb_doc_warning(doc),
                        (int)(in.id_len > 200 ? 200 : in.id_len), in.id ? in.id : "");
        }
        fwrite(json, 1, len, stdout);
        fputc('\n', stdout);
    }
    fflush(stdout);
    lb_cli_reader_error_flush(stderr, NULL);
    if (ferror(stdout)) { fprintf(stderr, "lagebild: error writing output\n"); failed++; }
    if (!o.quiet && failed) fprintf(stderr, "lagebild: %zu document(s) annotated, %zu failed\n", done, failed);
    lb_cli_pipeline_close(&pl);
    free(paths);
    return failed ? 1 : 0;
}
