# shlex: split (posix and not, comments), quote, join, the shlex lexer with whitespace_split and punctuation_chars, and its errors
import asyncio
import shlex

print(shlex.split('ls -l "my file.txt" a\\ b \'single quoted\''))
print(shlex.split("x # a comment", comments=True), shlex.split("x # kept"))
print(shlex.split('a "b c"', posix=False))
print(shlex.quote("it's"), shlex.quote("plain"), shlex.quote(""), shlex.quote("a b"), shlex.quote("$HOME"))
print(shlex.join(["echo", "hello world", "x;y"]))
lexer = shlex.shlex("a=b c", posix=True)
lexer.whitespace_split = True
print(list(lexer))
print(list(shlex.shlex("a && b || c > out.txt", punctuation_chars=True)))
lexer = shlex.shlex("one two")
print(lexer.get_token(), lexer.get_token(), repr(lexer.get_token()))
for bad in ['"unterminated', "'open", "trailing\\"]:
    try:
        shlex.split(bad)
    except ValueError as e:
        print("ValueError:", e)


async def run(cmd):
    args = shlex.split(cmd)
    await asyncio.sleep(0.1)
    print("ran", args[0], "with", args[1:])


async def main():
    await asyncio.gather(run("git commit -m 'first try'"), run("grep -r \"a b\" ."))


asyncio.run(main())
