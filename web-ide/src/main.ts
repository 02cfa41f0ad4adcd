import './style.css';

interface Health {
  status: string;
  checks: { name: string; status: string }[];
}

const app = document.querySelector<HTMLElement>('#app')!;

function render(health: Health | string): void {
  const status = typeof health === 'string' ? health : health.status;
  app.innerHTML = `
    <h1>Botlink</h1>
    <p>Write, run and share trading bots.</p>
    <p>Platform status: <strong data-testid="health">${status}</strong></p>
    <ul>
      <li><a href="/q/swagger-ui">REST API (Swagger UI)</a></li>
      <li><a href="/q/openapi">OpenAPI document</a></li>
      <li><a href="/q/health">Health</a></li>
    </ul>`;
}

render('checking…');
fetch('/q/health')
  .then((response) => response.json() as Promise<Health>)
  .then(render)
  .catch(() => render('unreachable'));
