#include <stdio.h>
#include "settings.h"

int main(int argc, char **argv) {
    settings_load(argc, argv);
    printf("log: %s verbose=%d\n", g_settings.log_path, g_settings.verbose);
    return 0;
}
