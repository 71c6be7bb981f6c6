// The demo page's script: what a chat front end does with the simulator's API, so that a browser
// recording of it (a HAR) has real correlated ids, a streamed answer and a secret to hide.

// A made-up key: the simulator checks none, but real front ends send one, and an importer must
// never copy it into a scenario.
const KEY = 'Bearer sk-demo-7f3a9c2e51b84d06aa';

async function api(method, path, body) {
  const headers = {Authorization: KEY};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  if (!response.ok) throw new Error(method + ' ' + path + ': ' + response.status);
  return response;
}

async function json(method, path, body) {
  return (await api(method, path, body)).json();
}

async function main() {
  const capabilities = await json('GET', '/api/capabilities');
  const conversation = await json('POST', '/api/conversations', {title: 'Demo page'});
  const question = document.getElementById('question').textContent;
  const answer = await json('POST', '/api/conversations/' + conversation.id + '/messages', {text: question});
  document.getElementById('answer').textContent = answer.answer;
  await json('GET', '/api/conversations/' + conversation.id + '/messages');
  await json('POST', '/api/rag/search', {query: 'refund policy', top_k: 3});
  const job = await json('POST', '/api/jobs', {task: 'summarise'});
  const status = await json('GET', '/api/jobs/' + job.job_id);
  document.getElementById('job').textContent = job.job_id + ': ' + status.status;
  const stream = await api('POST', '/v1/chat/completions', {
    model: capabilities.model, stream: true, max_tokens: 8,
    messages: [{role: 'user', content: question}]});
  document.getElementById('streamed').textContent = await stream.text();
}

main().then(() => { document.body.dataset.done = 'true'; },
            (e) => { document.body.dataset.error = String(e); });
