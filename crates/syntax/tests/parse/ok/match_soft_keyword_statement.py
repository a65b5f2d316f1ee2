match command:
    case "go":
        pass
    case _:
        pass
