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
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lagebild export [--format plover-jsonl|csv] [--db PATH] [--limit N]\n"
                   "         [--actor A] [--recipient R] [--type T] [--since DATE] [--until DATE] [--source S]\n"
                   "\n"
                   "Writes events as PLOVER records (event_id, date, event_type, mode, actor,\n"
                   "recipient, ...) with provenance: doc id, source, sentence span and text,\n"
                   "trigger, rule, confidence. Newest first; default limit %d (--limit N for more).\n",
                   LB_STORE_DEFAULT_LIMIT);
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
    int rc = lb_qrun(s, o.format == LB_OUT_CSV ? LB_Q_EXPORT_FLAT : LB_Q_EXPORT, &o, 0, "export");
    lb_store_close(s);
    return rc;
}
