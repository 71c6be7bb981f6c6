-- The templated POST for wrk (bench/peers.sh, wrk_post): a JSON body with a fresh UUID-like id
-- per request, built in Lua. wrk has no JSON parser: it checks nothing beyond counting non-2xx
-- answers and saves nothing (a response() callback would cost a Lua call per answer and still
-- not parse JSON), so it does less than the others.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

local random, format = math.random, string.format

function init(args)
  math.randomseed(os.time())
end

function request()
  local id = format("%04x%04x-%04x-4%03x-%x%03x-%04x%04x%04x", random(0, 65535), random(0, 65535),
    random(0, 65535), random(0, 4095), random(8, 11), random(0, 4095), random(0, 65535), random(0, 65535),
    random(0, 65535))
  return wrk.format(nil, nil, nil, '{"id":"' .. id .. '","text":"hello"}')
end
