#!/usr/bin/env node
import { format } from 'node:util';

const { readFileSync } = require('node:fs');

const [, , file = 'invoices.json'] = process.argv;
const invoices = JSON.parse(readFileSync(file, 'utf8'));
console.log(format('%d open invoices', invoices.filter((i) => !i.paid).length));
