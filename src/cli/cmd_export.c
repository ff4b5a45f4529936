/* cmd_export.c: `lagebild export --format plover-jsonl|csv`: PLOVER-style
 * event records with provenance (document, sentence span and text, trigger,
 * rule, confidence). A thin client of lb_store_query. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <string.h>

int lb_cmd_export(int argc, char **argv)
{
    lb_qopts o = { 0 };
    o.format = LB_OUT_JSONL;
    o.f.limit = LB_STORE_NO_LIMIT;       /* an export is complete unless --limit says otherwise */
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lagebild export [--format plover-jsonl|csv] [--db PATH] [--limit N]\n"
                   "         [--actor A] [--recipient R] [--type T] [--since DATE] [--until DATE] [--source S]\n"
                   "         [--include negated,hypothetical]\n"
                   "\n"
                   "Writes every matching event (or the first N with --limit) as a PLOVER record\n"
                   "(event_id, date, event_type, mode, actor, recipient, ...) with provenance:\n"
                   "doc id, title, URL, source, sentence span and text, trigger, rule, confidence.\n"
                   "CSV: one row per event, columns in docs/CODEBOOK.md. Newest first. Negated and\n"
                   "hypothetical events only with --include.\n");
            return 0;
        }
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(v, "plover-jsonl") || !strcmp(v, "jsonl")) o.format = LB_OUT_JSONL;
            else if (!strcmp(v, "csv")) o.format = LB_OUT_CSV;
            else { fprintf(stderr, "lagebild export: --format must be plover-jsonl or csv\n"); return 2; }
            continue;
        }
        int r = lb_qopt(&o, argc, argv, &i, "export");
        if (r < 0) return 2;
        if (!r) { fprintf(stderr, "lagebild export: unknown argument '%s'\n", argv[i]); return 2; }
    }
    lb_store *s = lb_qopen(&o, "export");
    if (!s) return 2;
    if (lb_qresolve(&o, s, "export")) { lb_store_close(s); return 2; }
    int rc = lb_qrun(s, o.format == LB_OUT_CSV ? LB_Q_EXPORT_FLAT : LB_Q_EXPORT, &o, 0, "export");
    lb_store_close(s);
    return rc;
}
