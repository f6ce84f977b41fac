USE school;
SOURCE migrations/001_create_tables.sql;
SOURCE migrations/002_seed_enrollments.sql;
SOURCE migrations/003_seed_students.sql;
