module example.org/tagger

go 1.19
