#include <stdio.h>
#include <stdlib.h>

struct node { int id; struct node *next; };

static struct node *push(struct node *head, int id) {
    struct node *n = malloc(sizeof *n);
    n->id = id;
    n->next = head;
    return n;
}

static void free_all(struct node *head) {
    for (struct node *n = head; n; n = n->next)
        free(n);
}

int main(void) {
    struct node *jobs = NULL;
    for (int i = 1; i <= 3; i++) jobs = push(jobs, i);
    printf("queued %d jobs\n", 3);
    free_all(jobs);
    return 0;
}
