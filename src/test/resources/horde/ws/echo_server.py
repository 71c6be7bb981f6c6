"""A WebSocket echo server that Horde did not write: Python's websockets package (Debian's
python3-websockets), for WebSocketEchoTest. Prints its port, then echoes every text message after
a fixed delay. "silence" gets no answer; "close-me" makes it close with code 4001; a connect to
/forbidden is refused with HTTP 403, and one to /private without the Basic login bob:pw with 401.

usage: python3 echo_server.py DELAY_MS
"""
import asyncio
import http
import sys

import websockets

DELAY = float(sys.argv[1]) / 1000.0


async def refuse(path, headers):
    if path == "/forbidden":
        return http.HTTPStatus.FORBIDDEN, [], b"forbidden\n"
    if path == "/private" and headers.get("Authorization") != "Basic Ym9iOnB3":
        return http.HTTPStatus.UNAUTHORIZED, [], b"who are you\n"
    return None


async def echo(ws, path=None):
    async for message in ws:
        if message == "silence":
            continue
        if message == "close-me":
            await ws.close(code=4001, reason="asked to")
            return
        await asyncio.sleep(DELAY)
        await ws.send(message)


async def main():
    async with websockets.serve(echo, "127.0.0.1", 0, process_request=refuse, ping_interval=None) as server:
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


asyncio.run(main())
