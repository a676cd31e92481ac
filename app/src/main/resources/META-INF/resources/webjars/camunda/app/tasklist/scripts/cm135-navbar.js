/*
 * cm135: 新建任务 and 发起流程 are for administrators only. A month's tasks come from its process, which
 * the schedule or the marketing centre starts; a customer or market manager may start nothing (the engine
 * refuses), so offering the buttons would only lead to an error. user-styles.css hides them unless the body
 * carries cm135-may-start, set here when the signed-in user may open Admin (camunda-admin).
 */
define([], function () {
  'use strict';

  function check() {
    var path = window.location.pathname;              // /camunda/app/tasklist/{engine}/
    var parts = path.split('/app/tasklist/');
    var engine = (parts[1] || 'default').split('/')[0] || 'default';
    var request = new XMLHttpRequest();
    request.open('GET', parts[0] + '/api/admin/auth/user/' + engine);
    request.onload = function () {
      var admin = false;
      try {
        admin = request.status === 200 && JSON.parse(request.responseText).authorizedApps.indexOf('admin') >= 0;
      } catch (e) {
        admin = false;
      }
      document.body.classList.toggle('cm135-may-start', admin);
    };
    request.send();
  }

  // After sign-in and sign-out Tasklist changes the route, not the page.
  window.addEventListener('hashchange', check);
  check();
});
