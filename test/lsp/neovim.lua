-- Neovim (0.7 or later) as a second, independent LSP client of the Clauselint language server.
-- Run headless: nvim --headless --clean -u NONE -c 'luafile test/lsp/neovim.lua'
-- Reads CLAUSELINT_SERVER (dist/server.cjs), CLAUSELINT_CONTRACT (a contract with clauselint front
-- matter), CLAUSELINT_README (a Markdown file that is no contract) and writes what it saw as JSON to
-- CLAUSELINT_OUT. It waits for events with vim.wait (which returns as soon as the condition holds).

local out_path = os.getenv('CLAUSELINT_OUT')
local result = { coverage = {} }

local function finish(code)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  vim.cmd(code == 0 and 'qa!' or 'cquit! ' .. code)
end

local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(list, { line = d.lnum, col = d.col, message = d.message, source = d.source, code = lsp.code or d.code, href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL })
  end
  return list
end

local function request(bufnr, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 20000) or {}
  for _, response in pairs(responses) do
    if response.error then error(method .. ': ' .. vim.inspect(response.error)) end
    return response.result
  end
  return nil
end

local ok, err = pcall(function()
  local server = assert(os.getenv('CLAUSELINT_SERVER'), 'CLAUSELINT_SERVER is not set')
  local contract = assert(os.getenv('CLAUSELINT_CONTRACT'), 'CLAUSELINT_CONTRACT is not set')
  local readme = assert(os.getenv('CLAUSELINT_README'), 'CLAUSELINT_README is not set')

  local client_id = vim.lsp.start_client({
    name = 'clauselint',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(contract, ':h'),
    settings = { clauselint = { enable = true } },
    handlers = {
      ['clauselint/coverage'] = function(_, params)
        local coverage = params.coverage
        local has = coverage ~= nil and coverage ~= vim.NIL
        table.insert(result.coverage, { uri = params.uri, version = params.version, summary = has and coverage.summary or vim.NIL, reason = params.reason or vim.NIL })
      end,
    },
  })
  assert(client_id, 'the client did not start')

  vim.cmd('edit ' .. vim.fn.fnameescape(contract))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'markdown'
  vim.lsp.buf_attach_client(bufnr, client_id)

  result.received = vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
  result.diagnostics = diagnostics_of(bufnr)

  local uri = vim.uri_from_bufnr(bufnr)
  -- Hover on the first finding, document symbols and code actions for it.
  local first = result.diagnostics[1]
  if first then
    local position = { line = first.line, character = first.col }
    result.hover = request(bufnr, 'textDocument/hover', { textDocument = { uri = uri }, position = position })
    -- Neovim 0.7 keeps only the extra fields in user_data.lsp: rebuild the protocol's diagnostic.
    local d = vim.diagnostic.get(bufnr)[1]
    local lsp_diag = vim.tbl_extend('force', d.user_data and d.user_data.lsp or {}, {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      message = d.message, severity = d.severity, source = d.source, code = d.code,
    })
    local actions = request(bufnr, 'textDocument/codeAction', { textDocument = { uri = uri }, range = lsp_diag.range, context = { diagnostics = { lsp_diag } } }) or {}
    result.actions = {}
    for _, a in ipairs(actions) do table.insert(result.actions, a.title) end
  end
  local symbols = request(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }) or {}
  result.symbols = {}
  for _, s in ipairs(symbols) do
    table.insert(result.symbols, s.name)
    for _, c in ipairs(s.children or {}) do table.insert(result.symbols, c.name) end
  end

  -- A README is not a contract: its coverage notification says so, and no diagnostics come.
  vim.cmd('edit ' .. vim.fn.fnameescape(readme))
  local readme_buf = vim.api.nvim_get_current_buf()
  vim.bo[readme_buf].filetype = 'markdown'
  vim.lsp.buf_attach_client(readme_buf, client_id)
  local readme_uri = vim.uri_from_bufnr(readme_buf)
  result.readme_reported = vim.wait(30000, function()
    for _, c in ipairs(result.coverage) do if c.uri == readme_uri then return true end end
    return false
  end, 20)
  result.readme_diagnostics = #vim.diagnostic.get(readme_buf)
end)

if not ok then
  result.error = tostring(err)
  finish(1)
else
  finish(0)
end
