/* conllu.h: reads CoNLL-U files (plain or gzip) for the training tools, as
 * the runtime tokenizer would see them: a multiword token is one token with
 * the analysis of its first word, except an English clitic 's (it's, Bush's),
 * which the tokenizer splits off and which therefore stays two words. */
#ifndef LB_TRAIN_CONLLU_H
#define LB_TRAIN_CONLLU_H
#include <stddef.h>
#include <stdint.h>

typedef struct tr_tok {
    char *form, *lemma, *folded;
    size_t form_len, lemma_len, folded_len;
    uint8_t upos;
    uint32_t feats;     /* all features lagebild represents */
    uint16_t cls;       /* class, set by the trainer */
    uint32_t freq;      /* how often the folded form occurs in the corpus, set by the trainer */
} tr_tok;

typedef struct tr_sent { tr_tok *tok; int n; } tr_sent;
typedef struct tr_corpus { tr_sent *sent; size_t n, cap; size_t ntok; } tr_corpus;

/* Appends the sentences of path; 0, or -1 with a message in err. */
int tr_read_conllu(tr_corpus *c, const char *path, char *err, size_t errlen);
void tr_corpus_free(tr_corpus *c);
#endif
