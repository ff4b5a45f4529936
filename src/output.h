/* output.h: writes a document's annotation as one line of the contract's
 * JSON (shared/eval/README.md). Each layer's writer sits in one function
 * here; the layers' modules never format JSON themselves. */
#ifndef LB_OUTPUT_H
#define LB_OUTPUT_H
#include "doc.h"
#endif
