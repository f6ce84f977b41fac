#include <string.h>
#include "settings.h"

void settings_load(int argc, char **argv) {
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-v") == 0) g_settings.verbose = 1;
}
