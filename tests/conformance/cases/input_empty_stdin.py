# input() and sys.stdin: stdin is empty (the prompt is printed, then EOFError), and input() reads a stdin the program replaced
import asyncio
import io
import sys


async def ask(question):
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, input, question)


async def main():
    print(sys.stdin, type(sys.stdin))
    print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines(), list(sys.stdin))
    sys.stdin = io.StringIO("alice\n42\nlast line without newline")
    name = await ask("Name? ")
    age = int(input())
    last = input("> ")
    print(f"\n{name=} {age=} {last=}")
    try:
        input(1, 2)
    except TypeError as e:
        print(e)
    try:
        input(prompt="x")
    except TypeError as e:
        print(e)
    try:
        input(3.5)
    except EOFError as e:
        print(repr(e))
    sys.stdin = sys.__stdin__
    try:
        await ask("Continue [y/n]? ")
    except EOFError as e:
        print("EOFError:", e)
    input("Press Enter to exit...")


asyncio.run(main())
