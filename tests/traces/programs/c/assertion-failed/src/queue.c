#include <assert.h>
#include <stdio.h>

struct queue { int items[16]; int head, len; };

int queue_pop(struct queue *q) {
    assert(q->len > 0 && "pop from empty queue");
    int v = q->items[q->head];
    q->head = (q->head + 1) % 16;
    q->len--;
    return v;
}

int main(void) {
    struct queue q = { {7, 9}, 0, 2 };
    for (int i = 0; i < 3; i++) printf("job %d\n", queue_pop(&q));
    return 0;
}
