/* conllu.h: a small reader of UD CoNLL-U files (plain or gzip) for the
 * developer tools: words with form, lemma, UPOS, XPOS, features, head and
 * relation, and multiword tokens. Tool code: it prints nothing itself. */
#ifndef LB_TOOLS_CONLLU_H
#define LB_TOOLS_CONLLU_H
#include <stddef.h>

#define CU_MAX_WORDS 512

typedef struct cu_word {
    char form[128], lemma[128], upos[16], xpos[16], feats[256], deprel[32];
    int head;
    int mwt_end;        /* > 0: this word starts a multiword token ending at word mwt_end */
    char mwt_form[128];
} cu_word;

typedef struct cu_sent {
    int n;              /* words 1..n in w[1..n] */
    cu_word w[CU_MAX_WORDS + 1];
    char text[8192];
} cu_sent;

typedef struct cu_reader cu_reader;
cu_reader *cu_open(const char *path);
/* 1 and a sentence, 0 at the end; sentences longer than CU_MAX_WORDS are skipped */
int cu_next(cu_reader *r, cu_sent *s);
void cu_close(cu_reader *r);
#endif
