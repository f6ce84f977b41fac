import json
import urllib2

print(json.load(urllib2.urlopen("http://127.0.0.1:9/rates")))
