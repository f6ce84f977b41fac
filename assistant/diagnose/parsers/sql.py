"""SQL servers: MySQL/MariaDB (client, PDO and driver forms) and PostgreSQL (psql, server log, drivers)."""

from __future__ import annotations

import re

from assistant.diagnose.signature import ErrorSignature

# MySQL/MariaDB client: ERROR 1452 (23000) at line 6: Cannot add or update a child row: ...
MYSQL_CLIENT = re.compile(r"^ERROR (?P<code>\d{4}) \((?P<state>[0-9A-Z]{5})\)(?: at line \d+(?: in file: '[^']*')?)?"
                          r": (?P<message>.+)$")
# ... and its warnings (SHOW WARNINGS, LOAD DATA): Warning (Code 1452): Cannot add or update a child row: ...
MYSQL_WARNING = re.compile(r"^(?P<level>Warning|Error|Note) \(Code (?P<code>\d{4})\): (?P<message>.+)$")
# PDO: SQLSTATE[23000]: Integrity constraint violation: 1452 Cannot add or update a child row: ...
PDO = re.compile(r"SQLSTATE\[(?P<state>[0-9A-Z]{5})\]: (?P<category>[^:]{1,100}): "
                 r"(?:(?P<code>\d{1,4}) )?(?P<message>.+)$")
# Python drivers: mysql.connector.errors.IntegrityError: 1452 (23000): ...  |  pymysql.err.IntegrityError: (1452, '...')
MYSQL_DRIVER = re.compile(r"\b(?:[\w.]{0,100}\.)?\w{0,60}Error: "
                          r"(?:\(?(?P<code>\d{4})(?: \((?P<state>[0-9A-Z]{5})\))?[,:] ?['\"]?)"
                          r"(?P<message>.+?)['\")]*$")
# psql / server log: ERROR:  23503: insert or update on table ... (the SQLSTATE only with VERBOSITY verbose)
POSTGRES = re.compile(r"(?:^|\s)(?P<level>ERROR|FATAL|PANIC):\s+(?:(?P<state>[0-9A-Z]{5}): )?(?P<message>.+)$")
POSTGRES_DETAIL = re.compile(r"^(?:DETAIL|HINT|CONTEXT|LINE \d+):\s+(?P<text>.+)$")
# node-postgres: "error: insert or update on table ..." and then the error object's fields.
NODE_PG = re.compile(r"\berror: (?P<message>.+)$")
NODE_PG_FIELD = re.compile(r"^\s*(?P<name>severity|code|detail|constraint): '(?P<value>[^']*)',?$")
# Python drivers raising a server's error as an exception: psycopg.errors.ForeignKeyViolation: ...
PYTHON_DRIVER = re.compile(r"^(?P<module>psycopg2?|asyncpg|sqlite3|sqlalchemy\.exc)\.(?:[\w.]{0,80}\.)?"
                           r"(?P<type>\w+Error|\w+Violation|\w+): (?P<message>.+)$")
# SQLSTATEs of the errors psycopg names by class (PostgreSQL's errcodes table, the common ones).
PSYCOPG_STATES = {
    "ForeignKeyViolation": "23503", "UniqueViolation": "23505", "NotNullViolation": "23502",
    "CheckViolation": "23514", "UndefinedTable": "42P01", "UndefinedColumn": "42703", "SyntaxError": "42601",
    "DivisionByZero": "22012", "InvalidTextRepresentation": "22P02", "StringDataRightTruncation": "22001",
    "NumericValueOutOfRange": "22003", "DeadlockDetected": "40P01", "InsufficientPrivilege": "42501",
}
# node mysql2: an Error whose object fields carry the server's number and message.
MYSQL2_ERRNO = re.compile(r"^\s*errno: (?P<code>\d{4}),?$")
MYSQL2_STATE = re.compile(r"^\s*sqlState: '(?P<state>[0-9A-Z]{5})',?$")
MYSQL2_MESSAGE = re.compile(r"^\s*sqlMessage: (?P<quote>['\"])(?P<message>.*)(?P=quote),?$")
PG_STATE_LINE = re.compile(r"^(?:SQL state|SQLSTATE|sqlstate): (?P<state>[0-9A-Z]{5})", re.I)


def parse(text: str) -> list[ErrorSignature]:
    """Every database error in the text, with the server's error number and SQLSTATE where printed."""
    lines = text.split("\n")
    found = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        signature = (_mysql(stripped) or _python_driver(stripped) or _postgres(stripped, lines[index + 1:index + 6])
                     or _node_postgres(stripped, lines[index + 1:index + 30]) or _node_mysql2(lines, index))
        if signature:
            found.append(signature)
    return found


def _mysql(line: str) -> ErrorSignature | None:
    warning = MYSQL_WARNING.match(line)
    if warning:
        return ErrorSignature("mysql", f"ERROR {warning['code']}", f"{warning['level']} (Code {warning['code']}): "
                              f"{warning['message']}", code=warning["code"])
    client = MYSQL_CLIENT.match(line)
    if client:
        return ErrorSignature("mysql", f"ERROR {client['code']}", f"ERROR {client['code']} ({client['state']}): "
                              f"{client['message']}", code=client["code"], notes=(f"SQLSTATE {client['state']}",))
    pdo = PDO.search(line)
    if pdo:
        code = pdo["code"] or pdo["state"]
        ecosystem = "mysql" if pdo["code"] and len(pdo["code"]) == 4 else "postgresql" if "ERROR:" in line else "sql"
        message = POSTGRES.search(pdo["message"])
        text = message["message"] if message else pdo["message"]
        return ErrorSignature(ecosystem, f"SQLSTATE {pdo['state']}", text, code=code,
                              notes=(f"SQLSTATE {pdo['state']}", pdo["category"]))
    driver = MYSQL_DRIVER.search(line)
    if driver and driver["code"]:
        return ErrorSignature("mysql", f"ERROR {driver['code']}", driver["message"], code=driver["code"])
    return None


def _postgres(line: str, following: list[str]) -> ErrorSignature | None:
    match = POSTGRES.search(line)
    if not match or not _postgres_context(line, following, match):
        return None
    details = []
    state = match["state"]
    for text in following:
        detail = POSTGRES_DETAIL.match(text.strip())
        state_line = PG_STATE_LINE.match(text.strip())
        if state_line:
            state = state_line["state"]
        elif detail:
            details.append(text.strip())
        else:
            break
    return ErrorSignature("postgresql", f"SQLSTATE {state}" if state else match["level"], match["message"],
                          code=state, notes=tuple(details))


def _python_driver(line: str) -> ErrorSignature | None:
    match = PYTHON_DRIVER.match(line)
    if not match:
        return None
    ecosystem = "postgresql" if match["module"].startswith(("psycopg", "asyncpg")) else "sql"
    state = PSYCOPG_STATES.get(match["type"]) if ecosystem == "postgresql" else None
    return ErrorSignature(ecosystem, f"SQLSTATE {state}" if state else match["type"], match["message"], code=state)


def _node_mysql2(lines: list[str], index: int) -> ErrorSignature | None:
    message = MYSQL2_MESSAGE.match(lines[index])
    if not message:
        return None
    nearby = lines[max(0, index - 4):index + 4]
    code = next((m["code"] for m in map(MYSQL2_ERRNO.match, nearby) if m), None)
    state = next((m["state"] for m in map(MYSQL2_STATE.match, nearby) if m), None)
    if code is None:
        return None
    notes = (f"SQLSTATE {state}",) if state else ()
    return ErrorSignature("mysql", f"ERROR {code}", f"ERROR {code} ({state or '?'}): {message['message']}",
                          code=code, notes=notes)


def _node_postgres(line: str, following: list[str]) -> ErrorSignature | None:
    match = NODE_PG.search(line)
    if not match:
        return None
    fields = {m["name"]: m["value"] for m in map(NODE_PG_FIELD.match, following) if m}
    if fields.get("severity") not in ("ERROR", "FATAL") or "code" not in fields:
        return None
    notes = (f"DETAIL: {fields['detail']}",) if fields.get("detail") else ()
    return ErrorSignature("postgresql", f"SQLSTATE {fields['code']}", match["message"], code=fields["code"],
                          notes=notes)


def _postgres_context(line: str, following: list[str], match: re.Match) -> bool:
    """'ERROR:' alone is too common; PostgreSQL's has two spaces, a SQLSTATE, a DETAIL, or a psql prefix."""
    return bool(match["state"] or "ERROR:  " in line or "FATAL:  " in line or line.startswith(("psql:", "ERROR:  "))
                or any(POSTGRES_DETAIL.match(text.strip()) for text in following[:2]))
