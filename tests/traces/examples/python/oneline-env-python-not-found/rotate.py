#!/usr/bin/env python
print('rotating logs')
