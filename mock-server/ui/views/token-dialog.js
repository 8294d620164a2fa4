// Asks for the admin token once; the page keeps it for this tab and sends it with every request.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import htm from 'htm';

const html = htm.bind(h);

export function TokenDialog({ onDone }) {
  const [value, setValue] = useState('');
  return html`
    <div class="modal-back">
      <form
        class="modal card"
        data-testid="token-dialog"
        onSubmit=${(e) => {
          e.preventDefault();
          onDone(value.trim() || null);
        }}
      >
        <h2>Admin token needed</h2>
        <p>
          This mock answers control requests from this address only with its admin token
          (<code>--admin-token</code>). It is kept for this tab and sent as <code>X-Mock-Admin-Token</code>.
        </p>
        <input
          type="password"
          autocomplete="off"
          placeholder="admin token"
          data-testid="token-input"
          value=${value}
          onInput=${(e) => setValue(e.target.value)}
        />
        <div class="row end">
          <button type="button" class="ghost" data-testid="token-cancel" onClick=${() => onDone(null)}>
            Not now
          </button>
          <button type="submit" class="primary" data-testid="token-submit">Use token</button>
        </div>
      </form>
    </div>
  `;
}
