"""Counts the documents of a container on the local Cosmos DB through its REST API (a Cosmos DB master-key signature)."""
import base64, hashlib, hmac, json, sys, urllib.request
from email.utils import formatdate

def count(connection_string, container):
    parts = dict(p.split("=", 1) for p in connection_string.strip(";").split(";"))
    endpoint, key = parts["AccountEndpoint"].rstrip("/"), base64.b64decode(parts["AccountKey"])
    link = f"dbs/safety/colls/{container}"
    total, continuation = 0, None
    while True:
        date = formatdate(usegmt=True).lower()
        text = f"post\ndocs\n{link}\n{date}\n\n"
        signature = base64.b64encode(hmac.new(key, text.encode(), hashlib.sha256).digest()).decode()
        headers = {
            "Authorization": urllib.request.quote(f"type=master&ver=1.0&sig={signature}", safe=""),
            "x-ms-date": date, "x-ms-version": "2018-12-31", "Content-Type": "application/query+json",
            "x-ms-documentdb-isquery": "True", "x-ms-documentdb-query-enablecrosspartition": "True", "x-ms-max-item-count": "1000",
        }
        if continuation:
            headers["x-ms-continuation"] = continuation
        body = json.dumps({"query": "SELECT c.id FROM c", "parameters": []}).encode()
        with urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{link}/docs", data=body, headers=headers)) as response:
            total += len(json.load(response)["Documents"])
            continuation = response.headers.get("x-ms-continuation")
        if not continuation:
            return total

if __name__ == "__main__":
    print(count(sys.argv[1], sys.argv[2]))
