"""End-to-end test of `postlint lsp` with pytest-lsp, a real LSP client written by others.

Run with `.ci/lsp.sh` (it installs the client and builds the server), or by hand:
POSTLINT=path/to/postlint pytest Tests/lsp-e2e
"""

import os
import pathlib
import sys
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [os.environ.get("POSTLINT", "postlint"), "lsp"]
WORKSPACE = pathlib.Path(tempfile.mkdtemp(prefix="postlint-lsp-e2e-"))
POST_PATH = WORKSPACE / "posts" / "party.md"
POST_PATH.parent.mkdir(parents=True, exist_ok=True)
POST_URI = POST_PATH.as_uri()

# Line 6 has an emoji (two UTF-16 code units, four UTF-8 bytes) before a mojibake word.
EMOJI_LINE = "🎉🎉 We met at the cafÃ© on the corner."
POST = (
    "---\n"
    "title: A party\n"
    "slug: a-party\n"
    "excerpt: An excerpt that is long enough to satisfy the excerpt length rule of postlint.\n"
    "keywords: [party]\n"
    "---\n"
    + EMOJI_LINE
    + "\n"
)
POST_PATH.write_text(POST, encoding="utf-8")
MOJIBAKE_LINE = 6
PREFIX = EMOJI_LINE[: EMOJI_LINE.index("Ã")]


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def offset_of(text: str, position: types.Position, encoding: str) -> int:
    """The index into `text` of an LSP position (character counted in `encoding`)."""
    lines = text.split("\n")
    index = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for count, char in enumerate(line):
        if units >= position.character:
            return index + count
        units += len(char.encode(encoding)) // (2 if encoding == "utf-16-le" else 1)
    return index + len(line)


def apply_edits(text: str, edits, encoding: str) -> str:
    spans = [
        (offset_of(text, e.range.start, encoding), offset_of(text, e.range.end, encoding), e.new_text)
        for e in edits
    ]
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


async def diagnostics_for(client: LanguageClient, uri: str, version: int):
    """Waits until the server has published diagnostics for `version` of `uri`."""
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri and params.version == version:
            return params.diagnostics


def make_fixture(spec: str):
    @pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
    async def the_client(lsp_client: LanguageClient):
        lsp_client.registrations = []

        # Editors accept the server's request to watch configuration, rule packs and posts.
        @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register_capability(params: types.RegistrationParams):
            lsp_client.registrations.extend(params.registrations)
            return None

        params = types.InitializeParams(
            capabilities=client_capabilities(spec),
            root_uri=WORKSPACE.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="site")],
        )
        lsp_client.initialize_result = await lsp_client.initialize_session(params)
        yield
        await lsp_client.shutdown_session()
        # After shutdown and exit, the server ends by itself, with code 0.
        assert lsp_client._server is not None
        assert lsp_client._server.returncode == 0

    return the_client


vscode = make_fixture("visual-studio-code")
neovim = make_fixture("neovim@v0.11.0")


@pytest.mark.asyncio(loop_scope="function")
async def test_vscode_utf16_positions_quick_fix_and_clean_shutdown(vscode: LanguageClient):
    client = vscode
    assert client.initialize_result.capabilities.position_encoding in (None, "utf-16")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=POST_URI, language_id="markdown", version=1, text=POST)
        )
    )
    diagnostics = await diagnostics_for(client, POST_URI, 1)
    watched = [r for r in client.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert watched, "the server should ask to watch .postlint.yml, rule packs and posts"
    mojibake = [d for d in diagnostics if d.code == "mojibake"]
    assert len(mojibake) == 1, diagnostics
    found = mojibake[0]
    assert found.range.start.line == MOJIBAKE_LINE
    assert found.range.start.character == utf16_length(PREFIX)  # 2 per emoji, not 1
    assert found.range.end.character == utf16_length(PREFIX) + 2
    assert found.severity == types.DiagnosticSeverity.Error
    assert found.code_description is None  # the project claims no documentation site

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=POST_URI),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    titles = [a.title for a in actions]
    assert "Disable mojibake for this line" in titles, titles
    fix = next(a for a in actions if a.is_preferred)
    assert fix.kind == types.CodeActionKind.QuickFix
    edit = fix.edit
    if edit.document_changes:
        edits = edit.document_changes[0].edits
    else:
        edits = edit.changes[POST_URI]
    fixed = apply_edits(POST, edits, "utf-16-le")
    assert "🎉🎉 We met at the café on the corner." in fixed

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=POST_URI, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    after = await diagnostics_for(client, POST_URI, 2)
    assert not [d for d in after if d.code == "mojibake"], after

    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=POST_URI))
    )
    while True:
        params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == POST_URI:
            assert len(params.diagnostics) == 0
            break


@pytest.mark.asyncio(loop_scope="function")
async def test_neovim_negotiates_utf8_and_incremental_change(neovim: LanguageClient):
    client = neovim
    assert client.initialize_result.capabilities.position_encoding == "utf-8"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=POST_URI, language_id="markdown", version=1, text=POST)
        )
    )
    diagnostics = await diagnostics_for(client, POST_URI, 1)
    found = next(d for d in diagnostics if d.code == "mojibake")
    assert found.range.start.line == MOJIBAKE_LINE
    assert found.range.start.character == len(PREFIX.encode("utf-8"))  # 4 bytes per emoji

    # An incremental change replacing the mojibake by hand, in UTF-8 positions.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=POST_URI, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=found.range, text="é")],
        )
    )
    after = await diagnostics_for(client, POST_URI, 2)
    assert not [d for d in after if d.code == "mojibake"], after
