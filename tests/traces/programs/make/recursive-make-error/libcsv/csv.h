int csv_count_fields(const char *line);
