#ifndef SETTINGS_H
#define SETTINGS_H
struct settings { int verbose; const char *log_path; };
struct settings g_settings = { 0, "/var/log/backupd.log" };
void settings_load(int argc, char **argv);
#endif
