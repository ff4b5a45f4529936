/* fuzz_kb_cache.c: libFuzzer target for the actor knowledge base snapshot
 * reader (src/actors/kb_cache.c). The input is a snapshot; its own stamp
 * (bytes 8..15) is taken as the expected one so that inputs get past the
 * staleness check. Reading must succeed or fail with "offset N", never crash
 * or leak; a snapshot that is accepted is then looked up. */
#include "actors/actors.h"
#include "actors/kb.h"
#include "actors/kb_cache.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t stamp = 0;
    if (size >= 16) memcpy(&stamp, data + 8, 8);
    struct lb_actor_kb *kb = kb_empty();
    if (!kb) return 0;
    char err[256];
    if (kb_cache_from_bytes(kb, data, size, stamp, "fuzz", err, sizeof err) == 0) {
        static const char *const keys[] = { "deutschland", "merkel", "angela merkel", "usa" };
        for (size_t i = 0; i < 4; i++) {
            const kb_entry *e = kb_get(kb, keys[i], strlen(keys[i]));
            for (int n = 0; e && n < 100000; n++) e = e->next >= 0 ? &kb->entries[e->next] : NULL;
            kb_class(kb, keys[i], strlen(keys[i]), 1);
        }
        for (size_t p = 0; p < kb->npersons; p++) kb_role_on(kb, (uint32_t)p, 20210601);
    }
    lb_actors_free(kb);
    return 0;
}
