#include <stdio.h>
#include <libpq-fe.h>

int main(void) {
    PGconn *c = PQconnectdb("host=localhost dbname=shop user=shop_app");
    if (PQstatus(c) != CONNECTION_OK) {
        fprintf(stderr, "connection failed: %s", PQerrorMessage(c));
        PQfinish(c);
        return 1;
    }
    PQfinish(c);
    return 0;
}
