EXPECTED = "1.4.0"
DEPLOYED = {"web-1": "1.4.0", "web-2": "1.3.9"}

for host, version in DEPLOYED.items():
    assert version == EXPECTED, f"release {EXPECTED} expected on {host}, found {version}"
print("all hosts on", EXPECTED)
