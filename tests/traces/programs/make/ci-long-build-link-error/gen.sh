#!/bin/sh
# generates the sources of a mid-sized project (40 modules)
mkdir -p src include
for i in $(seq -w 1 40); do
  cat > src/mod$i.c <<EOF
#include "mod$i.h"
int mod${i}_init(void) { return 1$i; }
EOF
  echo "int mod${i}_init(void);" > include/mod$i.h
done
cat > src/main.c <<'EOF'
#include <stdio.h>
int mod07_init(void);
int mod41_init(void);
int main(void) { printf("%d\n", mod07_init() + mod41_init()); return 0; }
EOF
