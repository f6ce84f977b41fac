#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buffer { char *data; size_t len; };

void buffer_free(struct buffer *b) { free(b->data); }

int send_all(struct buffer *b) {
    if (b->len > 4) {
        fprintf(stderr, "send failed, dropping buffer\n");
        buffer_free(b);
        return -1;
    }
    return 0;
}

int main(void) {
    struct buffer b = { strdup("hello world"), 11 };
    if (send_all(&b) != 0)
        fprintf(stderr, "retry later\n");
    buffer_free(&b);
    return 0;
}
