-- Run by .ci/neovim.sh inside a headless Neovim whose init.lua is the set-up from docs/editors.md,
-- with a post open that holds mojibake on line 8. Waits (bounded) for postlint's diagnostics, asks
-- the server for code actions there, applies the quick fix, and exits 0 only if all of that worked.

local function report(message)
  io.stderr:write("neovim-check: " .. message .. "\n")
end

local function fail(message)
  report("FAIL: " .. message)
  vim.cmd("cquit 1")
end

local buffer = vim.api.nvim_get_current_buf()
if vim.bo[buffer].filetype ~= "markdown" then
  return fail("the post was not detected as markdown (filetype '" .. vim.bo[buffer].filetype .. "')")
end

local seconds = tonumber(os.getenv("NEOVIM_CHECK_TIMEOUT") or "20")
local arrived = vim.wait(seconds * 1000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)
if not arrived then
  local clients = vim.lsp.buf_get_clients(buffer)
  return fail("no diagnostics within " .. seconds .. " s (clients attached: " .. vim.tbl_count(clients) .. ")")
end

local mojibake = nil
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  report(string.format("diagnostic %d:%d %s [%s]", diagnostic.lnum + 1, diagnostic.col + 1,
    diagnostic.message, tostring(diagnostic.code)))
  if diagnostic.code == "mojibake" then mojibake = diagnostic end
end
if mojibake == nil then
  return fail("no mojibake diagnostic among those that arrived")
end
if mojibake.lnum ~= 7 then
  return fail("the mojibake diagnostic is on line " .. (mojibake.lnum + 1) .. ", not 8")
end

local params = {
  textDocument = { uri = vim.uri_from_bufnr(buffer) },
  range = {
    start = { line = mojibake.lnum, character = mojibake.col },
    ["end"] = { line = mojibake.end_lnum, character = mojibake.end_col },
  },
  context = { diagnostics = {} },
}
local responses = vim.lsp.buf_request_sync(buffer, "textDocument/codeAction", params, seconds * 1000)
if responses == nil then
  return fail("no answer to textDocument/codeAction within " .. seconds .. " s")
end
local fix = nil
local count = 0
for _, response in pairs(responses) do
  if response.error ~= nil then
    return fail("textDocument/codeAction failed: " .. vim.inspect(response.error))
  end
  for _, action in ipairs(response.result or {}) do
    count = count + 1
    report("code action: " .. action.title .. " (" .. tostring(action.kind) .. ")")
    if action.kind == "quickfix" and action.edit ~= nil and fix == nil then fix = action end
  end
end
if count == 0 then
  return fail("the server offered no code actions for the mojibake")
end
if fix == nil then
  return fail("no quick fix with an edit among the code actions")
end

vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")
local line = vim.api.nvim_buf_get_lines(buffer, 7, 8, false)[1]
if not line:find("it\226\128\153s", 1, true) then
  return fail("after the quick fix, line 8 reads: " .. line)
end
report("ok: diagnostics arrived, " .. count .. " code actions, the quick fix repaired line 8")
vim.cmd("qall!")
