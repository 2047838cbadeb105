#!/usr/bin/env bash
# The CDS Hooks service under load: patient-view calls carrying a 50-entry problem and medication Bundle (the codes
# the shipped articles list, and codes from a local system they do not), each with its own signed JWT, as an EHR sends.
# Usage: bash bench/cds-hooks.sh     (DURATION=5s CONNECTIONS=16 TOKENS=8000 to change; about 500 calls a second here, so 8000 covers 5 s; APP=DIR reuses a published site)
source "$(dirname "$0")/lib.sh"
need wrk openssl curl python3
TOKENS=${TOKENS:-8000}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

app=${APP:-$work/app}
[ -n "${APP:-}" ] || publish_site "$app"
port=$(free_port)
audience="http://127.0.0.1:$port/cds-services/nerve-spasm-patient-education"

# The EHR's key and its key set.
openssl genrsa -out "$work/ehr.pem" 2048 2>/dev/null
python3 - "$(openssl rsa -in "$work/ehr.pem" -noout -modulus | cut -d= -f2)" >"$work/jwks.json" <<'PY'
import base64, json, sys
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
print(json.dumps({"keys": [{"kty": "RSA", "kid": "bench", "use": "sig", "alg": "RS256", "n": b64(bytes.fromhex(sys.argv[1])), "e": "AQAB"}]}))
PY

# The call: 40 Conditions and 10 MedicationRequests.
python3 - "$REPO/content" >"$work/call.json" <<'PY'
import glob, json, re, sys
codes = {"snomed": [], "icd10": [], "rxnorm": []}
for path in glob.glob(sys.argv[1] + "/*/*.md"):
    front = open(path).read().split("\n---", 1)[0]
    for key in codes:
        m = re.search(rf"(?m)^{key}: \[([^\]]*)\]", front)
        codes[key] += [c.strip() for c in m.group(1).split(",")] if m else []
systems = {"snomed": "http://snomed.info/sct", "icd10": "http://hl7.org/fhir/sid/icd-10-cm", "rxnorm": "http://www.nlm.nih.gov/research/umls/rxnorm"}
problems = [(systems[k], c) for k in ("snomed", "icd10") for c in codes[k]][:20] + [("http://example.org/local", f"p{i}") for i in range(20)]
medicines = [(systems["rxnorm"], c) for c in codes["rxnorm"]][:5] + [("http://example.org/local", f"m{i}") for i in range(5)]
coded = lambda s, c: {"coding": [{"system": s, "code": c}]}
bundle = lambda resources: {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": r} for r in resources]}
print(json.dumps({"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    "context": {"userId": "PractitionerRole/1", "patientId": "bench"},
    "prefetch": {"conditions": bundle([{"resourceType": "Condition", "subject": {"reference": "Patient/bench"}, "code": coded(s, c)} for s, c in problems]),
                 "medications": bundle([{"resourceType": "MedicationRequest", "status": "active", "intent": "order", "subject": {"reference": "Patient/bench"},
                                         "medicationCodeableConcept": coded(s, c)} for s, c in medicines])}}))
PY

# One token per request (the service refuses a jti it has seen), signed RS256 here with the key's CRT parts.
openssl rsa -in "$work/ehr.pem" -text -noout >"$work/ehr.txt" 2>/dev/null
python3 - "$work/ehr.txt" "$audience" "$TOKENS" >"$work/tokens.txt" <<'PY'
import base64, hashlib, json, re, sys, time
text = open(sys.argv[1]).read()
def part(name):
    block = re.search(name + r":\s*\n((?:\s+[0-9a-f:]+\n)+)", text).group(1)
    return int(re.sub(r"[\s:]", "", block), 16)
n, p, q, dp, dq, qinv = (part(k) for k in ("modulus", "prime1", "prime2", "exponent1", "exponent2", "coefficient"))
size = (n.bit_length() + 7) // 8
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
digest_info = bytes.fromhex("3031300d060960864801650304020105000420")
header = b64(json.dumps({"alg": "RS256", "typ": "JWT", "kid": "bench"}).encode())
now = int(time.time())
for i in range(int(sys.argv[3])):
    payload = b64(json.dumps({"iss": "bench-ehr", "aud": sys.argv[2], "iat": now, "exp": now + 900, "jti": f"bench-{i}"}).encode())
    t = digest_info + hashlib.sha256(f"{header}.{payload}".encode()).digest()
    m = int.from_bytes(b"\x00\x01" + b"\xff" * (size - len(t) - 3) + b"\x00" + t, "big")
    s1, s2 = pow(m, dp, p), pow(m, dq, q)
    signature = s2 + (qinv * (s1 - s2) % p) * q
    print(f"{header}.{payload}.{b64(signature.to_bytes(size, 'big'))}")
PY

pids+=("$(start_site "$app" "$port" "$REPO/content" "$work/data/guide.db" --Guide:PublicBaseUrl="http://127.0.0.1:$port" \
  --Guide:CdsHooks:Clients:0:Issuer=bench-ehr --Guide:CdsHooks:Clients:0:JwksUrl="$work/jwks.json")")
cards=$(curl -sf -X POST -H "Authorization: Bearer $(tail -1 "$work/tokens.txt")" -H 'Content-Type: application/json' --data-binary @"$work/call.json" "$audience" |
  python3 -c "import json, sys; c = json.load(sys.stdin)['cards']; print(len(c), 'card,', len(c[0]['links']) if c else 0, 'links')")
sed '$d' "$work/tokens.txt" >"$work/tokens-load.txt"
cat >"$work/cds.lua" <<LUA
local tokens = {}
for line in io.lines("$work/tokens-load.txt") do tokens[#tokens + 1] = line end
local body = io.open("$work/call.json"):read("*a")
local next_token = 0
setup = function(thread) thread:set("offset", math.floor(#tokens / 2) * next_token); next_token = next_token + 1 end
local sent = 0
request = function()
  sent = sent + 1
  local token = tokens[(offset + sent - 1) % #tokens + 1]
  return wrk.format("POST", "/cds-services/nerve-spasm-patient-education", { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end
LUA
result=$(THREADS=2 CONNECTIONS=${CONNECTIONS:-16} DURATION=${DURATION:-5s} wrk_run "http://127.0.0.1:$port" -s "$work/cds.lua")
read -r rps p50 p99 errors <<<"$result"
echo "cds-hooks: 50-entry bundle ($(wc -c <"$work/call.json") bytes, answered with $cards), ${CONNECTIONS:-16} connections: $rps req/s, p50 $p50 ms, p99 $p99 ms, $errors non-2xx (a token used twice is refused: more requests than the $((TOKENS - 1)) tokens count as errors)"
