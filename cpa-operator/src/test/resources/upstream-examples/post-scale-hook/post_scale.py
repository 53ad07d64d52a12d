import json
import sys


def main():
    scale = json.loads(sys.stdin.read())
    # The hook prints nothing; it leaves what it was given at the image's root for a person to read.
    with open("/post_scale_data.json", "w+") as out:
        out.write(json.dumps(scale))


if __name__ == "__main__":
    main()
