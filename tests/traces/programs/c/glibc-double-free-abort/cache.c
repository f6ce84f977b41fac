#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry { char *key; char *value; };

int main(void) {
    struct entry e = { strdup("session"), strdup("abc123") };
    struct entry copy = e;          /* shallow copy shares the pointers */
    free(e.key); free(e.value);
    printf("evicted %s\n", "session");
    free(copy.key); free(copy.value);
    return 0;
}
