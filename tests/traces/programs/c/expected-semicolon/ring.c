#include <stdio.h>
#include <stdlib.h>

struct ring {
    int *buf;
    size_t cap, head, len;
}

struct ring *ring_new(size_t cap) {
    struct ring *r = malloc(sizeof *r);
    r->buf = calloc(cap, sizeof(int));
    r->cap = cap;
    r->head = r->len = 0;
    return r;
}

int main(void) {
    struct ring *r = ring_new(8);
    printf("cap=%zu\n", r->cap)
    return 0;
}
