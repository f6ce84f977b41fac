import csv
import io
import logging

import psycopg

logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
log = logging.getLogger("enrollments")

CSV = "student,course\nana,MATH101\nben,CS101\ncara,PHYS110\n"

def main():
    rows = list(csv.DictReader(io.StringIO(CSV)))
    log.info("importing %d enrollments", len(rows))
    with psycopg.connect("host=127.0.0.1 dbname=school user=shop_app password=Sh0p-dev!") as conn:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO enrollments (student, course_code) VALUES (%s, %s)",
                [(r["student"], r["course"]) for r in rows],
            )
    log.info("done")

if __name__ == "__main__":
    try:
        main()
    except psycopg.Error:
        log.exception("import failed")
        raise SystemExit(1)
