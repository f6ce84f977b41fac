module featureflags

go 1.19
