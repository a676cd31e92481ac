/*
 * cm135: keeps Tasklist's 完成 button usable on Camunda Forms with dynamic lists.
 *
 * Tasklist 7.24 disables 完成 while the errors object of form-js's "changed" event has any key. form-js 1.8.7
 * records a valid field inside a dynamic list as errors[fieldId] = [] (an empty per-row array, never removed),
 * and it validates every pre-filled row when the form loads. So a form whose dynamic list has rows
 * (周工作安排's routes, 日拜访记录's visits) opens with 完成 disabled, and any edit in a list disables it
 * for good, although nothing is invalid.
 *
 * For Camunda Forms only, the live validity no longer disables the button. Nothing invalid gets through:
 * on 完成 Tasklist calls form-js submit(), which validates every field afresh, marks the wrong ones and
 * stops the submission; the task listeners check the submitted values again. Generic and embedded forms
 * keep Tasklist's behaviour.
 */
define([], function () {
  'use strict';

  var angular = window.angular;

  angular.module('cm135.camundaFormsValidity', []).config(['$provide', function ($provide) {
    $provide.decorator('camTasklistFormDirective', ['$delegate', function ($delegate) {
      var directive = $delegate[0];
      var original = directive.controller;
      var names = original.slice(0, -1);
      var construct = original[original.length - 1];
      var scopeIndex = names.indexOf('$scope');

      directive.controller = names.concat([function () {
        construct.apply(this, arguments);
        var scope = arguments[scopeIndex];
        var notifyFormValidated = this.notifyFormValidated;
        this.notifyFormValidated = function (invalid) {
          var camundaForm = scope.tasklistForm && scope.tasklistForm.type === 'camunda-forms';
          return notifyFormValidated.call(this, camundaForm ? false : invalid);
        };
      }]);
      return $delegate;
    }]);
  }]);
});
