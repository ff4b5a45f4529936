/* reader_internal.h: internals of the reader module shared with its tests. */
#ifndef LB_READER_INTERNAL_H
#define LB_READER_INTERNAL_H
#include "lagebild.h"
#endif
